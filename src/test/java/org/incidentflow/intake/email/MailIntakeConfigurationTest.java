package org.incidentflow.intake.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.incidentflow.mail.MailSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The mailbox is polled only when switched on; the settings bind from {@code incidentflow.mail.*}. */
class MailIntakeConfigurationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(MailIntakeConfiguration.class)
		.withBean(MailboxPoller.class, () -> mock(MailboxPoller.class));

	@Test
	void pollingIsOffByDefault() {
		context.run(ctx -> assertThat(ctx).doesNotHaveBean(MailIntakeConfiguration.Polling.class)
			.hasSingleBean(MailSettings.class).hasSingleBean(MailboxSettings.class));
	}

	@Test
	void pollingStartsWhenEnabledAndSettingsBind() {
		context.withPropertyValues("incidentflow.mail.imap.enabled=true", "incidentflow.mail.imap.host=imap.example.org",
				"incidentflow.mail.imap.poll-interval=PT30S", "incidentflow.mail.imap.processed-folder=Done",
				"incidentflow.mail.message-id-domain=incidents.example.org")
			.run(ctx -> {
				assertThat(ctx).hasSingleBean(MailIntakeConfiguration.Polling.class);
				MailboxSettings mailbox = ctx.getBean(MailboxSettings.class);
				MailSettings settings = ctx.getBean(MailSettings.class);
				assertThat(mailbox.getHost()).isEqualTo("imap.example.org");
				assertThat(mailbox.getPollInterval()).hasSeconds(30);
				assertThat(mailbox.getProcessedFolder()).isEqualTo("Done");
				assertThat(settings.getMessageIdDomain()).isEqualTo("incidents.example.org");
			});
	}

}
