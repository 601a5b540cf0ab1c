-- AlterTable
ALTER TABLE "Cv" ADD COLUMN     "photoKey" TEXT;
