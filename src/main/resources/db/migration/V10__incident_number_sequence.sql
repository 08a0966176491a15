-- Incident numbers get their own sequence, drawn before the record is persisted: Hibernate builds the INSERT from the
-- state at persist time, so a number derived from the generated id afterwards never reached the row (NOT NULL failed).
CREATE SEQUENCE incident_number_seq START WITH 1 INCREMENT BY 1;
