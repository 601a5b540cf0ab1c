-- AlterTable
ALTER TABLE "Cv" ADD COLUMN "uploaderHash" TEXT;

-- CreateIndex
CREATE INDEX "Cv_uploaderHash_status_idx" ON "Cv"("uploaderHash", "status");
