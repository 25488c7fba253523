-- enforcement: the database refuses unlawful administrative enforcement.
-- Built from src/sql/*.sql; do not edit the generated install script.

\echo Use "CREATE EXTENSION enforcement" to load this file. \quit
