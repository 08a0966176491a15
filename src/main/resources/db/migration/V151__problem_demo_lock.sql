-- serialises the demo profile's problem seed across nodes (org.incidentflow.problem.DemoProblems)
INSERT INTO startup_lock (name) VALUES ('problem-demo');
