-- The configuration-item registry (package asset). Portable between PostgreSQL and H2.
CREATE TABLE configuration_item (
    id           VARCHAR(100)  PRIMARY KEY,
    version      BIGINT        NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    type         VARCHAR(30)   NOT NULL,
    service      VARCHAR(100)  NOT NULL,
    owner_group  VARCHAR(64),
    criticality  INTEGER       NOT NULL CHECK (criticality BETWEEN 1 AND 4),
    location     VARCHAR(200),
    status       VARCHAR(20)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(100)  NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(100)  NOT NULL
);

CREATE INDEX configuration_item_service_idx ON configuration_item (service);

-- "source depends on / runs on target": an outage of the target affects the source.
CREATE TABLE configuration_item_relationship (
    source_id  VARCHAR(100) NOT NULL REFERENCES configuration_item (id) ON DELETE CASCADE,
    type       VARCHAR(20)  NOT NULL,
    target_id  VARCHAR(100) NOT NULL REFERENCES configuration_item (id),
    PRIMARY KEY (source_id, type, target_id),
    CHECK (source_id <> target_id)
);

-- the impact traversal walks the relationships backwards, from the target
CREATE INDEX configuration_item_relationship_target_idx ON configuration_item_relationship (target_id);
