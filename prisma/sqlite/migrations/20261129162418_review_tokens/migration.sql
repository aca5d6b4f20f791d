-- AlterTable
ALTER TABLE "Player" ADD COLUMN "reviewTokenHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Player_reviewTokenHash_key" ON "Player"("reviewTokenHash");

