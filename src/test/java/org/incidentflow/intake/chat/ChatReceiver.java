package org.incidentflow.intake.chat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Slack's Web API, Slack response URLs and Mattermost/Teams incoming webhooks, on 127.0.0.1
 * (the host the test profile allows): records every request and answers as planned per path (status, body).
 */
public class ChatReceiver implements AutoCloseable {

	public record Received(String method, String path, String query, String authorization, String body) {
	}

	public record Planned(int status, String body) {
	}

	public final List<Received> received = new CopyOnWriteArrayList<>();
	/** Answers per path, consumed front to back; then the default per path; else 200 {"ok":true}. */
	public final Map<String, List<Planned>> planned = new ConcurrentHashMap<>();
	public final Map<String, String> defaults = new ConcurrentHashMap<>();

	private final HttpServer server;

	public ChatReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				String path = exchange.getRequestURI().getPath();
				received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(),
						exchange.getRequestHeaders().getFirst("Authorization"),
						new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				List<Planned> queue = planned.getOrDefault(path, new ArrayList<>());
				Planned answer = queue.isEmpty() ? new Planned(200, defaults.getOrDefault(path, "{\"ok\":true}"))
						: queue.remove(0);
				byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
				if (bytes.length > 0) {
					exchange.getResponseBody().write(bytes);
				}
			}
			finally {
				exchange.close();
			}
		});
		server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	public List<Received> at(String path) {
		return received.stream().filter(r -> r.path().equals(path)).toList();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
