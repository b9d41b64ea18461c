-- Version 5: the version of a property's attribute catalog, raised by every write of an attribute definition in the
-- same transaction; the SDK caches catalogs and checks this version with the queries that use them.
ALTER TABLE property ADD COLUMN catalog_version BIGINT DEFAULT 0 NOT NULL;
