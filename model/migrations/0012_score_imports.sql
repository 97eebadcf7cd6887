-- Score sheets imported from a workbook: the judge's sheet (its stage and its
-- judge) that a job's marks, or a clerk's keyed values, go to. Both are empty
-- for a registration import.
ALTER TABLE import_jobs ADD COLUMN stage VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE import_jobs ADD COLUMN judge_id {{ref}} NULL;
