-- The database the dump and restore round trip starts from: a registry with
-- history (departures, revocations, a warn-mode violation, memberships, a
-- node id, an added holiday and a changed setting).
CREATE EXTENSION enforcement;
SELECT enforcement.set_node_id(3);
\i test/fixtures/registry.sql
INSERT INTO enforcement.agency_members (role_name, agency_id) VALUES ('enforcement_writer', 2);
INSERT INTO enforcement.legal_bases (id, code, title, level, article, effective_from)
VALUES (21, 'FSL-87', '中华人民共和国食品安全法', 'law', '第八十七条', '2015-10-01');
INSERT INTO enforcement.agency_powers (agency_id, legal_basis_id, power, published_on)
VALUES (2, 21, 'inspection', '2023-02-01');
INSERT INTO enforcement.conflicts (officer_id, enterprise_id, declared_on, reason)
VALUES (102, 501, '2024-01-01', '配偶在该企业任职');
UPDATE enforcement.certificates SET status = 'suspended', status_since = '2025-01-10'
WHERE id = 1002;
-- an officer who left: his certificate revoked (OFF-4), then history
-- recorded after the fact
UPDATE enforcement.officers SET left_on = '2025-06-30' WHERE id = 101;
UPDATE enforcement.officers SET on_enforcement_post = false WHERE id = 106;
INSERT INTO enforcement.certificates (officer_id, number, issued_on, valid_from, valid_to)
VALUES (101, '鲁菏定2022-0101', '2022-07-01', '2022-07-01', '2023-02-28');
-- a row let through in warn mode
SET enforcement.mode = 'warn';
INSERT INTO enforcement.enterprises (credit_code, name) VALUES ('91371703MA3C8KJ1XE', '警告模式录入');
RESET enforcement.mode;
-- data changed after installation
INSERT INTO enforcement.calendar (day, kind, source) VALUES ('2027-01-01', 'holiday', '2027 通知');
UPDATE enforcement.settings SET value = 120000 WHERE name = 'hearing_threshold_organisation';
