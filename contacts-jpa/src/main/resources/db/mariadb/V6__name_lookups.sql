-- Version 6, MariaDB: B-tree indexes for looking up an organization or a segment by its folded name.
-- Their unique keys (V1, V2) are hash unique keys, because the folds are TEXT; MariaDB enforces them but never
-- seeks them, so every lookup by name (an import naming organizations, a rename, a segment save) read every
-- organization or segment of the property. A prefix of 255 characters is selective enough; the lookup still
-- compares the whole fold.
CREATE INDEX IF NOT EXISTS ix_organization_name_lookup ON organization (property_id, name_fold(255));
CREATE INDEX IF NOT EXISTS ix_segment_name_lookup ON segment (property_id, target, name_fold(255));
