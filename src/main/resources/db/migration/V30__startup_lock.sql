-- Row locks that serialise start-up work of several nodes sharing one database (SELECT ... FOR UPDATE).
CREATE TABLE startup_lock (
    name VARCHAR(40) PRIMARY KEY
);
INSERT INTO startup_lock (name) VALUES ('identity-setup');
