-- One pgbench transaction of mixed writes against enforcement.officers:
-- insert an officer of the client's agency, and rename an existing officer
-- of that agency that only this client updates (so clients never wait on
-- each other's rows, only, if at all, on their chain's head).
--
--   -D spread=0   both clients write agency 2 (one chain); client 0
--                 renames officer 201, client 1 officer 202
--   -D spread=1   client 0 writes agency 2, client 1 agency 3 (two chains);
--                 client 0 renames officer 201, client 1 officer 301
\set agency 2 + :client_id * :spread
\set target 100 * :agency + 1 + :client_id * (1 - :spread)
\set n random(1, 1000000000)
BEGIN;
INSERT INTO enforcement.officers
    (agency_id, name, employment, on_enforcement_post, exam_passed_on)
VALUES (:agency, 'bench', 'established', true, '2022-06-01');
UPDATE enforcement.officers SET name = 'bench ' || :n::text WHERE id = :target;
END;
