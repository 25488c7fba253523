-- ---------------------------------------------------------------------------
-- Ids (src/ids.c): the node id in the high bits, a counter in the low 53.
-- ---------------------------------------------------------------------------
CREATE SEQUENCE enforcement.id_seq AS bigint MINVALUE 1 MAXVALUE 9007199254740991;
SELECT pg_catalog.pg_extension_config_dump('enforcement.id_seq', '');

CREATE TABLE enforcement.installation (
    node_id integer NOT NULL CHECK (node_id BETWEEN 1 AND 1023)
);
CREATE UNIQUE INDEX installation_single_row ON enforcement.installation ((true));
COMMENT ON TABLE enforcement.installation IS
    'The installation''s node id, set once by enforcement.set_node_id().';

CREATE FUNCTION enforcement.next_id() RETURNS bigint
    AS 'MODULE_PATHNAME', 'en_next_id' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION enforcement.next_id() IS
    'A new id: the node id in the high bits, so installations never collide.';
CREATE FUNCTION enforcement.node_id() RETURNS integer
    AS 'MODULE_PATHNAME', 'en_node_id' LANGUAGE C STABLE;
CREATE FUNCTION enforcement.set_node_id(integer) RETURNS integer
    AS 'MODULE_PATHNAME', 'en_set_node_id' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION enforcement.set_node_id(integer) IS
    'Sets the installation''s node id (1..1023), once.';

-- The node id is fixed once written, in every mode.
SELECT enforcement.declare_table('enforcement.installation',
                                 mutable_columns => '{}', strict => true);

GRANT EXECUTE ON FUNCTION enforcement.next_id(), enforcement.node_id()
    TO enforcement_writer, enforcement_supervisor, enforcement_auditor;
