const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { StandardMerkleTree } = require("@openzeppelin/merkle-tree");
const { deployFixture } = require("./fixtures.js");

const GAS_BOUND = 60_000n;

const recordHashes = (count, label = "record") =>
  Array.from({ length: count }, (_, i) => ethers.id(`${label}-${i}`));

const treeOf = (hashes) => StandardMerkleTree.of(hashes.map((h) => [h]), ["bytes32"]);

describe("LedgerAnchor", function () {
  const root = ethers.id("root-1");

  describe("roles", function () {
    it("grants the admin and anchorer roles passed to the constructor", async function () {
      const { ledger, admin, anchorer, ANCHORER_ROLE, DEFAULT_ADMIN_ROLE } = await loadFixture(deployFixture);
      expect(await ledger.hasRole(DEFAULT_ADMIN_ROLE, admin.address)).to.equal(true);
      expect(await ledger.hasRole(ANCHORER_ROLE, anchorer.address)).to.equal(true);
      expect(await ledger.hasRole(ANCHORER_ROLE, admin.address)).to.equal(false);
    });

    it("reverts when a non-anchorer submits a root", async function () {
      const { ledger, other, ANCHORER_ROLE } = await loadFixture(deployFixture);
      await expect(ledger.connect(other).anchor(root, 1))
        .to.be.revertedWithCustomError(ledger, "AccessControlUnauthorizedAccount")
        .withArgs(other.address, ANCHORER_ROLE);
    });

    it("lets an account the admin granted ANCHORER_ROLE anchor a root", async function () {
      const { ledger, other, ANCHORER_ROLE } = await loadFixture(deployFixture);
      await ledger.grantRole(ANCHORER_ROLE, other.address);
      await expect(ledger.connect(other).anchor(root, 1)).to.emit(ledger, "RootAnchored");
    });

    it("reverts when an anchorer whose role the admin revoked submits a root", async function () {
      const { ledger, anchorer, ANCHORER_ROLE } = await loadFixture(deployFixture);
      await ledger.revokeRole(ANCHORER_ROLE, anchorer.address);
      await expect(ledger.connect(anchorer).anchor(root, 1))
        .to.be.revertedWithCustomError(ledger, "AccessControlUnauthorizedAccount")
        .withArgs(anchorer.address, ANCHORER_ROLE);
    });

    it("reverts when a non-admin grants ANCHORER_ROLE", async function () {
      const { ledger, anchorer, other, ANCHORER_ROLE, DEFAULT_ADMIN_ROLE } = await loadFixture(deployFixture);
      await expect(ledger.connect(anchorer).grantRole(ANCHORER_ROLE, other.address))
        .to.be.revertedWithCustomError(ledger, "AccessControlUnauthorizedAccount")
        .withArgs(anchorer.address, DEFAULT_ADMIN_ROLE);
    });
  });

  describe("anchor", function () {
    it("reverts when the root is zero", async function () {
      const { ledger, anchorer } = await loadFixture(deployFixture);
      await expect(ledger.connect(anchorer).anchor(ethers.ZeroHash, 1))
        .to.be.revertedWithCustomError(ledger, "LedgerAnchorZeroRoot");
    });

    it("reverts when the batch is empty", async function () {
      const { ledger, anchorer } = await loadFixture(deployFixture);
      await expect(ledger.connect(anchorer).anchor(root, 0))
        .to.be.revertedWithCustomError(ledger, "LedgerAnchorEmptyBatch");
    });

    it("reverts when a root is anchored twice, naming the first batch", async function () {
      const { ledger, anchorer } = await loadFixture(deployFixture);
      await ledger.connect(anchorer).anchor(root, 3);
      await expect(ledger.connect(anchorer).anchor(root, 3))
        .to.be.revertedWithCustomError(ledger, "LedgerAnchorRootAlreadyAnchored")
        .withArgs(root, 1);
    });

    it("emits RootAnchored with the batch id, root and leaf count", async function () {
      const { ledger, anchorer } = await loadFixture(deployFixture);
      await expect(ledger.connect(anchorer).anchor(root, 42))
        .to.emit(ledger, "RootAnchored")
        .withArgs(1, root, 42);
    });

    it("assigns batch ids that start at 1 and increment", async function () {
      const { ledger, anchorer } = await loadFixture(deployFixture);
      expect(await ledger.batchCount()).to.equal(0);
      for (const [i, r] of recordHashes(3, "root").entries()) {
        expect(await ledger.connect(anchorer).anchor.staticCall(r, 1)).to.equal(i + 1);
        await ledger.connect(anchorer).anchor(r, 1);
        expect(await ledger.batchOf(r)).to.equal(i + 1);
      }
      expect(await ledger.batchCount()).to.equal(3);
    });

    it("records the block timestamp of the anchoring transaction", async function () {
      const { ledger, anchorer } = await loadFixture(deployFixture);
      const receipt = await (await ledger.connect(anchorer).anchor(root, 1)).wait();
      const block = await ethers.provider.getBlock(receipt.blockNumber);
      expect(await ledger.anchoredAt(root)).to.equal(block.timestamp);
    });

    it("reports 0 for the timestamp and batch of an unknown root", async function () {
      const { ledger } = await loadFixture(deployFixture);
      expect(await ledger.anchoredAt(root)).to.equal(0);
      expect(await ledger.batchOf(root)).to.equal(0);
    });

    it("costs less than 60,000 gas per anchor, the first one included", async function () {
      const { ledger, anchorer } = await loadFixture(deployFixture);
      const used = [];
      for (const r of recordHashes(3, "gas")) {
        const receipt = await (await ledger.connect(anchorer).anchor(r, 1000)).wait();
        used.push(receipt.gasUsed);
      }
      console.log(`      gas per anchor: ${used.join(", ")}`);
      for (const gas of used) expect(gas).to.be.lessThan(GAS_BOUND);
    });
  });

  describe("verify", function () {
    async function anchoredTreeFixture() {
      const deployed = await deployFixture();
      const tree = treeOf(recordHashes(5));
      await deployed.ledger.connect(deployed.anchorer).anchor(tree.root, tree.length);
      return { ...deployed, tree };
    }

    for (const size of [1, 2, 3, 8, 13]) {
      it(`returns true for every leaf of an anchored ${size}-leaf tree`, async function () {
        const { ledger, anchorer } = await loadFixture(deployFixture);
        const tree = treeOf(recordHashes(size));
        await ledger.connect(anchorer).anchor(tree.root, size);
        for (const [i, [hash]] of tree.entries()) {
          expect(await ledger.verify(hash, tree.getProof(i), tree.root)).to.equal(true);
        }
      });
    }

    it("returns false for a tampered record hash", async function () {
      const { ledger, tree } = await loadFixture(anchoredTreeFixture);
      const [hash] = tree.at(0);
      const tampered = ethers.toBeHex(BigInt(hash) ^ 1n, 32);
      expect(await ledger.verify(tampered, tree.getProof(0), tree.root)).to.equal(false);
    });

    it("returns false for another leaf's proof", async function () {
      const { ledger, tree } = await loadFixture(anchoredTreeFixture);
      const [hash] = tree.at(0);
      expect(await ledger.verify(hash, tree.getProof(1), tree.root)).to.equal(false);
    });

    it("returns false for a valid proof under a root that was never anchored", async function () {
      const { ledger } = await loadFixture(deployFixture);
      const tree = treeOf(recordHashes(4));
      const [hash] = tree.at(0);
      expect(await ledger.verify(hash, tree.getProof(0), tree.root)).to.equal(false);
    });
  });

  it("reports version 2.0.0", async function () {
    const { ledger } = await loadFixture(deployFixture);
    expect(await ledger.version()).to.equal("2.0.0");
  });
});
