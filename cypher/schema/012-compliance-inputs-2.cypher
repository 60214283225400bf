// Compliance inputs, part 2: disaster backups (容灾备份) of CII systems (CII-6).
CREATE CONSTRAINT disaster_backup_id IF NOT EXISTS FOR (n:DisasterBackup) REQUIRE n.id IS UNIQUE;
