package org.incidentflow.outbound.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Refuses server-side request forgery: a webhook target whose host resolves to a loopback, unspecified, link-local
 * (cloud metadata at 169.254.169.254), private (RFC 1918, IPv6 unique-local), shared (100.64/10), benchmark, reserved,
 * broadcast or multicast address is refused, unless the host name is one an administrator allowed
 * ({@code WEBHOOKS_ALLOWED_HOSTS}). It is also the HTTP client's DNS resolver, so the check applies to exactly the
 * addresses connected to at send time (a name that resolved to a public address when subscribed and to an internal
 * one later is refused then).
 */
public class TargetGuard implements DnsResolver {

	/** A refused target; the message names the reason (never the body of an internal answer). */
	public static class RefusedTarget extends UnknownHostException {

		private static final long serialVersionUID = 1L;

		RefusedTarget(String message) {
			super(message);
		}

	}

	private final Set<String> allowedHosts;
	private final DnsResolver dns;

	public TargetGuard(Iterable<String> allowedHosts) {
		this(allowedHosts, SystemDefaultDnsResolver.INSTANCE);
	}

	TargetGuard(Iterable<String> allowedHosts, DnsResolver dns) {
		this.allowedHosts = java.util.stream.StreamSupport.stream(allowedHosts.spliterator(), false)
			.map(String::trim).filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		this.dns = dns;
	}

	/** Why the URL may not be subscribed (scheme, host, credentials, forbidden address), or null when it may. */
	public String problem(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (Exception e) {
			return "must be an absolute http or https URL";
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			return "must be an absolute http or https URL";
		}
		if (uri.getRawUserInfo() != null) {
			return "must not carry credentials (user:password@); put a token in the path or use the signature";
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			return "must name a host";
		}
		if (uri.getRawFragment() != null) {
			return "must not have a fragment";
		}
		try {
			resolve(uri.getHost());
			return null;
		}
		catch (RefusedTarget e) {
			return e.getMessage();
		}
		catch (UnknownHostException e) {
			return "host " + uri.getHost() + " does not resolve";
		}
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		String name = unbracket(host);
		InetAddress[] addresses = dns.resolve(name);
		if (allowedHosts.contains(name.toLowerCase(Locale.ROOT))) {
			return addresses;
		}
		for (InetAddress address : addresses) {
			String kind = forbidden(address);
			if (kind != null) {
				throw new RefusedTarget("host " + name + " resolves to a " + kind + " address (" + address.getHostAddress()
						+ "); allow it in WEBHOOKS_ALLOWED_HOSTS if it is a trusted internal receiver");
			}
		}
		return addresses;
	}

	@Override
	public String resolveCanonicalHostname(String host) throws UnknownHostException {
		return dns.resolveCanonicalHostname(host);
	}

	private static String unbracket(String host) {
		return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
	}

	/** The kind of a forbidden address, or null for a public unicast one. */
	static String forbidden(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return "loopback";
		}
		if (address.isAnyLocalAddress()) {
			return "unspecified";
		}
		if (address.isLinkLocalAddress()) {
			return "link-local";
		}
		if (address.isSiteLocalAddress()) {
			return "private";
		}
		if (address.isMulticastAddress()) {
			return "multicast";
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = b[0] & 0xff;
			int second = b[1] & 0xff;
			if (first == 0) {
				return "unspecified";
			}
			if (first == 100 && second >= 64 && second <= 127) {
				return "shared (carrier-grade NAT)";
			}
			if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
				return "reserved";
			}
			if (first == 198 && (second == 18 || second == 19)) {
				return "benchmarking";
			}
			if (first >= 240) {
				return "reserved";
			}
			return null;
		}
		if (address instanceof Inet6Address) {
			if ((b[0] & 0xfe) == 0xfc) {
				return "private (unique-local)";
			}
			if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
				return "private (site-local)";
			}
			// IPv4-compatible or NAT64 / 6to4 forms carry an IPv4 address: judge that one
			if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || isZero(b, 0, 12)
					|| (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
				return embedded(b, 12);
			}
			if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
				return embedded(b, 2);
			}
		}
		return null;
	}

	private static String embedded(byte[] b, int from) {
		try {
			InetAddress v4 = InetAddress.getByAddress(new byte[] { b[from], b[from + 1], b[from + 2], b[from + 3] });
			String kind = forbidden(v4);
			return kind == null ? null : kind + " (embedded IPv4)";
		}
		catch (UnknownHostException e) {
			return "malformed";
		}
	}

	private static boolean isZero(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * An HTTP client for outgoing calls to addresses users configured (webhooks, chat replies): every host name is
	 * resolved through this guard, redirects are never followed (a redirect could point anywhere), short timeouts,
	 * no retries, cookies or cached credentials. One place, so that no outbound channel can forget one of them.
	 */
	public CloseableHttpClient httpClient(Duration connectTimeout, Duration readTimeout, int maxConnections,
			String userAgent) {
		Timeout connect = Timeout.of(connectTimeout);
		Timeout read = Timeout.of(readTimeout);
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(this)
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
					.setSocketTimeout(read).build())
				.setMaxConnTotal(maxConnections)
				.setMaxConnPerRoute(4)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read)
				.setConnectionRequestTimeout(connect).setRedirectsEnabled(false).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent(userAgent)
			.build();
	}

}
