-- HTTP sessions of the webapps (Tasklist, Cockpit, Admin) and of the product's form login, shared by every node
-- (Spring Session JDBC, spring.session.jdbc.* in application.yaml): a login on one node is valid on all of them, so a
-- load balancer needs no sticky sessions. Layout as Spring Session JDBC expects it; BYTEA is accepted by H2 too.
-- Attributes are Java-serialised by Spring Session (the webapps' Authentications, Spring Security's context, CSRF tokens).
CREATE TABLE spring_session (
    primary_id CHAR(36) NOT NULL,
    session_id CHAR(36) NOT NULL,
    creation_time BIGINT NOT NULL,
    last_access_time BIGINT NOT NULL,
    max_inactive_interval INT NOT NULL,
    expiry_time BIGINT NOT NULL,
    principal_name VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
-- the expired-session cleanup of every node deletes by expiry time
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36) NOT NULL,
    attribute_name VARCHAR(200) NOT NULL,
    attribute_bytes BYTEA NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id)
        ON DELETE CASCADE
);
