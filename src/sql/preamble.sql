-- enforcement: the database refuses unlawful administrative enforcement.
-- Built from the sources of src/ (see the Makefile); do not edit the
-- generated install script.

\echo Use "CREATE EXTENSION enforcement" to load this file. \quit
