-- The organisation that publishes the fact-checks (issue 14): one row, id 1, made at first
-- start (scripts/start.ts) or on /admin/organisation. Claims get who made them, when and
-- where; existing claims keep none, and their ClaimReviews fall back to the article as before.

-- CreateEnum
CREATE TYPE "ClaimantKind" AS ENUM ('PERSON', 'ORGANIZATION');

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "claimant" TEXT;
ALTER TABLE "Claim" ADD COLUMN "claimantKind" "ClaimantKind";
ALTER TABLE "Claim" ADD COLUMN "claimDate" DATE;
ALTER TABLE "Claim" ADD COLUMN "appearanceUrl" TEXT;

-- CreateIndex
CREATE INDEX "Claim_claimant_idx" ON "Claim"("claimant");

-- CreateTable
CREATE TABLE "Organisation" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "logo" BYTEA,
    "logoType" TEXT,
    "publicBaseUrl" TEXT,
    "contactEmail" TEXT,
    "policyUrl" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Organisation_singleton" CHECK ("id" = 1)
);
