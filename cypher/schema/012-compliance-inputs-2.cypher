// Compliance inputs, part 2: disaster backups (容灾备份) of CII systems (CII-6).
CREATE CONSTRAINT disaster_backup_id IF NOT EXISTS FOR (n:DisasterBackup) REQUIRE n.id IS UNIQUE;
// Background checks of assessment institutions (测评机构背景审查, ASM-6).
CREATE CONSTRAINT institution_check_id IF NOT EXISTS FOR (n:InstitutionCheck) REQUIRE n.id IS UNIQUE;
