package org.incidentflow.outbound.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The SSRF guard: internal addresses refused (by literal and by name), public ones and allowed hosts let through. */
class TargetGuardTest {

	/** Names resolve from this table, not from the machine's DNS. */
	static final Map<String, String> DNS = Map.of("hooks.example.com", "93.184.216.34", "intranet.example.com",
			"10.20.30.40", "rebound.example.com", "169.254.169.254", "receiver.internal", "192.168.5.5");

	static final DnsResolver FAKE = new DnsResolver() {
		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			String address = DNS.get(host);
			return address != null ? new InetAddress[] { InetAddress.getByName(address) }
					: InetAddress.getAllByName(host);
		}

		@Override
		public String resolveCanonicalHostname(String host) {
			return host;
		}
	};

	final TargetGuard guard = new TargetGuard(List.of("receiver.internal"), FAKE);

	@ParameterizedTest
	@CsvSource({ "127.0.0.1, loopback", "127.8.9.10, loopback", "::1, loopback", "0.0.0.0, unspecified",
			"10.1.2.3, private", "172.16.0.1, private", "172.31.255.254, private", "192.168.1.1, private",
			"169.254.169.254, link-local", "fe80::1, link-local", "fc00::1, private (unique-local)",
			"fd12:3456::1, private (unique-local)", "100.64.0.1, shared (carrier-grade NAT)", "224.0.0.1, multicast",
			"ff02::1, multicast", "198.18.0.1, benchmarking", "240.0.0.1, reserved", "255.255.255.255, reserved",
			"::ffff:10.0.0.1, private", "64:ff9b::a00:1, private (embedded IPv4)",
			"2002:a00:1::1, private (embedded IPv4)" })
	void refusesInternalAddresses(String address, String kind) throws Exception {
		assertThat(TargetGuard.forbidden(InetAddress.getByName(address))).isEqualTo(kind);
	}

	@ParameterizedTest
	@CsvSource({ "93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111" })
	void letsPublicAddressesThrough(String address) throws Exception {
		assertThat(TargetGuard.forbidden(InetAddress.getByName(address))).isNull();
	}

	@Test
	void checksUrlsByTheAddressesTheirHostResolvesTo() {
		assertThat(guard.problem("https://hooks.example.com/incident-flow")).isNull();
		assertThat(guard.problem("https://intranet.example.com/hook")).contains("private", "10.20.30.40",
				"WEBHOOKS_ALLOWED_HOSTS");
		assertThat(guard.problem("http://rebound.example.com/latest/meta-data")).contains("link-local");
		assertThat(guard.problem("http://127.0.0.1:8080/api")).contains("loopback");
		assertThat(guard.problem("http://[::1]:8080/api")).contains("loopback");
		assertThat(guard.problem("http://localhost/api")).contains("loopback");
		// allowed by name: the administrator vouched for it
		assertThat(guard.problem("https://receiver.internal/hook")).isNull();
	}

	@Test
	void refusesWhatIsNoWebTarget() {
		assertThat(guard.problem("ftp://hooks.example.com/x")).contains("http or https");
		assertThat(guard.problem("file:///etc/passwd")).contains("http or https");
		assertThat(guard.problem("hooks.example.com/x")).contains("http or https");
		assertThat(guard.problem("https://user:pw@hooks.example.com/x")).contains("credentials");
		assertThat(guard.problem("https:///x")).isNotNull();
		assertThat(guard.problem("https://hooks.example.com/x#frag")).contains("fragment");
		assertThat(guard.problem("https://no-such-host.invalid/x")).contains("does not resolve");
	}

	@Test
	void theHttpClientsResolverRefusesAtSendTime() throws Exception {
		assertThatThrownBy(() -> guard.resolve("intranet.example.com")).isInstanceOf(TargetGuard.RefusedTarget.class);
		assertThat(guard.resolve("hooks.example.com")).hasSize(1);
		assertThat(guard.resolve("receiver.internal")).hasSize(1);
	}

}
