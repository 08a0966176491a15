package org.incidentflow.chat;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code incidentflow.chat.*} once, for the intake and the outbound side alike. */
@Configuration
@EnableConfigurationProperties(ChatSettings.class)
public class ChatConfiguration {
}
