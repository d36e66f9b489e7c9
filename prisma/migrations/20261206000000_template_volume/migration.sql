-- A template's volume driver: three new nullable columns, nothing that exists changes. Null reads as the local driver
-- with no options, not shared: what every template and volume was before.
ALTER TABLE "Template" ADD COLUMN "volumeDriver" TEXT;
ALTER TABLE "Template" ADD COLUMN "volumeOptions" TEXT;
ALTER TABLE "Template" ADD COLUMN "volumeShared" BOOLEAN;
