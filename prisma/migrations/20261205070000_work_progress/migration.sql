-- How far a long piece of work (a bulk action, an import) has got, for its user's progress bar.

-- CreateTable
CREATE TABLE "WorkProgress" (
    "userId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "done" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkProgress_pkey" PRIMARY KEY ("userId","id")
);

-- CreateIndex
CREATE INDEX "WorkProgress_updatedAt_idx" ON "WorkProgress"("updatedAt");

-- AddForeignKey
ALTER TABLE "WorkProgress" ADD CONSTRAINT "WorkProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
