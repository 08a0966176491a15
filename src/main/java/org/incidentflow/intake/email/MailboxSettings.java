package org.incidentflow.intake.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code incidentflow.mail.imap.*}: the mailbox the email channel polls. */
@ConfigurationProperties("incidentflow.mail.imap")
public class MailboxSettings {

	private boolean enabled;
	private String host = "localhost";
	private int port = 993;
	private boolean ssl = true;
	private String username;
	private String password;
	private String folder = "INBOX";
	/** Empty: processed mail is flagged \Seen. Otherwise processed mail is moved to this folder. */
	private String processedFolder = "";
	private Duration pollInterval = Duration.ofMinutes(1);
	private int maxPerPoll = 50;
	private Duration timeout = Duration.ofSeconds(30);

	public boolean isEnabled() { return enabled; }
	public void setEnabled(boolean enabled) { this.enabled = enabled; }
	public String getHost() { return host; }
	public void setHost(String host) { this.host = host; }
	public int getPort() { return port; }
	public void setPort(int port) { this.port = port; }
	public boolean isSsl() { return ssl; }
	public void setSsl(boolean ssl) { this.ssl = ssl; }
	public String getUsername() { return username; }
	public void setUsername(String username) { this.username = username; }
	public String getPassword() { return password; }
	public void setPassword(String password) { this.password = password; }
	public String getFolder() { return folder; }
	public void setFolder(String folder) { this.folder = folder; }
	public String getProcessedFolder() { return processedFolder; }
	public void setProcessedFolder(String processedFolder) { this.processedFolder = processedFolder; }
	public Duration getPollInterval() { return pollInterval; }
	public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
	public int getMaxPerPoll() { return maxPerPoll; }
	public void setMaxPerPoll(int maxPerPoll) { this.maxPerPoll = maxPerPoll; }
	public Duration getTimeout() { return timeout; }
	public void setTimeout(Duration timeout) { this.timeout = timeout; }

}
