-- Per-run setup after test/fixtures/registry.sql: a node id (so that
-- next_id() cannot run into the fixture's explicit ids), and the officers
-- that the clients of writes.sql rename.
SELECT enforcement.set_node_id(1);
INSERT INTO enforcement.officers
    (id, agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES
    (201, 2, 'bench 201', 'established', true, '2022-06-01'),
    (202, 2, 'bench 202', 'established', true, '2022-06-01'),
    (301, 3, 'bench 301', 'established', true, '2022-06-01');
