/**
 * What the chat intake and the chat channel of the outbound side share, below both: the chat platforms, their
 * settings, the conversation an incident was opened in (so public updates go back to that thread) and the queue of
 * replies waiting to be posted there. Depends on neither {@code intake} nor {@code outbound}.
 */
package org.incidentflow.chat;
