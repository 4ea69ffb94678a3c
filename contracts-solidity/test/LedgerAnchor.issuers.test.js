const { expect } = require("chai");
const { ethers } = require("hardhat");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { deployFixture } = require("./fixtures.js");

// Organisations are named on chain only by keccak256 of their id's UTF-8 bytes (ethers.id).
const market = ethers.id("cn-330106-market-supervision");
const judicial = ethers.id("cn-330106-judicial");

async function registryFixture() {
  const deployed = await deployFixture();
  const [, , , , key, otherKey] = await ethers.getSigners();
  const ISSUER_REGISTRAR_ROLE = await deployed.ledger.ISSUER_REGISTRAR_ROLE();
  return { ...deployed, key: key.address, otherKey: otherKey.address, ISSUER_REGISTRAR_ROLE };
}

describe("LedgerAnchor issuer registry", function () {
  describe("roles", function () {
    it("grants ISSUER_REGISTRAR_ROLE to the registrar passed to the constructor only", async function () {
      const { ledger, registrar, anchorer, admin, ISSUER_REGISTRAR_ROLE } = await loadFixture(registryFixture);
      expect(await ledger.hasRole(ISSUER_REGISTRAR_ROLE, registrar.address)).to.equal(true);
      expect(await ledger.hasRole(ISSUER_REGISTRAR_ROLE, anchorer.address)).to.equal(false);
      expect(await ledger.hasRole(ISSUER_REGISTRAR_ROLE, admin.address)).to.equal(false);
    });

    it("reverts when a non-registrar registers a key", async function () {
      const { ledger, anchorer, key, ISSUER_REGISTRAR_ROLE } = await loadFixture(registryFixture);
      await expect(ledger.connect(anchorer).registerIssuerKey(market, key))
        .to.be.revertedWithCustomError(ledger, "AccessControlUnauthorizedAccount")
        .withArgs(anchorer.address, ISSUER_REGISTRAR_ROLE);
    });

    it("reverts when a non-registrar retires a key", async function () {
      const { ledger, registrar, other, key, ISSUER_REGISTRAR_ROLE } = await loadFixture(registryFixture);
      await ledger.connect(registrar).registerIssuerKey(market, key);
      await expect(ledger.connect(other).retireIssuerKey(market, key))
        .to.be.revertedWithCustomError(ledger, "AccessControlUnauthorizedAccount")
        .withArgs(other.address, ISSUER_REGISTRAR_ROLE);
    });
  });

  describe("registerIssuerKey", function () {
    it("emits IssuerKeyRegistered with the block of registration", async function () {
      const { ledger, registrar, key } = await loadFixture(registryFixture);
      const tx = await ledger.connect(registrar).registerIssuerKey(market, key);
      const { blockNumber } = await tx.wait();
      await expect(tx).to.emit(ledger, "IssuerKeyRegistered").withArgs(market, key, blockNumber);
      expect(await ledger.issuerKey(market, key)).to.deep.equal([BigInt(blockNumber), 0n]);
    });

    it("reverts when the organisation hash or the key is zero", async function () {
      const { ledger, registrar, key } = await loadFixture(registryFixture);
      await expect(ledger.connect(registrar).registerIssuerKey(ethers.ZeroHash, key))
        .to.be.revertedWithCustomError(ledger, "LedgerAnchorZeroIssuerKey");
      await expect(ledger.connect(registrar).registerIssuerKey(market, ethers.ZeroAddress))
        .to.be.revertedWithCustomError(ledger, "LedgerAnchorZeroIssuerKey");
    });

    it("changes nothing and emits nothing when the key is registered again", async function () {
      const { ledger, registrar, key } = await loadFixture(registryFixture);
      const first = await (await ledger.connect(registrar).registerIssuerKey(market, key)).wait();
      await expect(ledger.connect(registrar).registerIssuerKey(market, key)).not.to.emit(ledger, "IssuerKeyRegistered");
      expect(await ledger.issuerKey(market, key)).to.deep.equal([BigInt(first.blockNumber), 0n]);
    });

    it("never brings a retired key back", async function () {
      const { ledger, registrar, key } = await loadFixture(registryFixture);
      await ledger.connect(registrar).registerIssuerKey(market, key);
      await ledger.connect(registrar).retireIssuerKey(market, key);
      const before = await ledger.issuerKey(market, key);
      await expect(ledger.connect(registrar).registerIssuerKey(market, key)).not.to.emit(ledger, "IssuerKeyRegistered");
      expect(await ledger.issuerKey(market, key)).to.deep.equal(before);
    });

    it("keeps one organisation's key out of another organisation's registry", async function () {
      const { ledger, registrar, key } = await loadFixture(registryFixture);
      const { blockNumber } = await (await ledger.connect(registrar).registerIssuerKey(market, key)).wait();
      expect(await ledger.isIssuerKeyValidAt(market, key, blockNumber)).to.equal(true);
      expect(await ledger.isIssuerKeyValidAt(judicial, key, blockNumber)).to.equal(false);
      expect(await ledger.issuerKey(judicial, key)).to.deep.equal([0n, 0n]);
    });
  });

  describe("retireIssuerKey", function () {
    it("emits IssuerKeyRetired and keeps the key valid up to and including that block", async function () {
      const { ledger, registrar, key } = await loadFixture(registryFixture);
      const registered = await (await ledger.connect(registrar).registerIssuerKey(market, key)).wait();
      const tx = await ledger.connect(registrar).retireIssuerKey(market, key);
      const { blockNumber } = await tx.wait();
      await expect(tx).to.emit(ledger, "IssuerKeyRetired").withArgs(market, key, blockNumber);
      expect(await ledger.issuerKey(market, key)).to.deep.equal([BigInt(registered.blockNumber), BigInt(blockNumber)]);
      expect(await ledger.isIssuerKeyValidAt(market, key, blockNumber)).to.equal(true);
      expect(await ledger.isIssuerKeyValidAt(market, key, blockNumber + 1)).to.equal(false);
    });

    it("changes nothing when the key was never registered or is already retired", async function () {
      const { ledger, registrar, key, otherKey } = await loadFixture(registryFixture);
      await expect(ledger.connect(registrar).retireIssuerKey(market, otherKey)).not.to.emit(ledger, "IssuerKeyRetired");
      expect(await ledger.issuerKey(market, otherKey)).to.deep.equal([0n, 0n]);
      await ledger.connect(registrar).registerIssuerKey(market, key);
      const { blockNumber } = await (await ledger.connect(registrar).retireIssuerKey(market, key)).wait();
      await expect(ledger.connect(registrar).retireIssuerKey(market, key)).not.to.emit(ledger, "IssuerKeyRetired");
      expect((await ledger.issuerKey(market, key))[1]).to.equal(blockNumber);
    });
  });

  describe("isIssuerKeyValidAt", function () {
    it("is false before the block of registration and for unknown keys", async function () {
      const { ledger, registrar, key, otherKey } = await loadFixture(registryFixture);
      const { blockNumber } = await (await ledger.connect(registrar).registerIssuerKey(market, key)).wait();
      expect(await ledger.isIssuerKeyValidAt(market, key, blockNumber - 1)).to.equal(false);
      expect(await ledger.isIssuerKeyValidAt(market, key, blockNumber)).to.equal(true);
      expect(await ledger.isIssuerKeyValidAt(market, key, blockNumber + 1000)).to.equal(true);
      expect(await ledger.isIssuerKeyValidAt(market, otherKey, blockNumber)).to.equal(false);
    });
  });

  describe("multicall", function () {
    it("registers a key and anchors a root in one transaction, so both share a block", async function () {
      const { ledger, admin, key, ANCHORER_ROLE, ISSUER_REGISTRAR_ROLE } = await loadFixture(registryFixture);
      await ledger.grantRole(ANCHORER_ROLE, admin.address);
      await ledger.grantRole(ISSUER_REGISTRAR_ROLE, admin.address);
      const root = ethers.id("root-with-key");
      const calls = [
        ledger.interface.encodeFunctionData("registerIssuerKey", [market, key]),
        ledger.interface.encodeFunctionData("anchor", [root, 3]),
      ];
      const tx = await ledger.multicall(calls);
      const { blockNumber } = await tx.wait();
      await expect(tx).to.emit(ledger, "IssuerKeyRegistered").withArgs(market, key, blockNumber);
      await expect(tx).to.emit(ledger, "RootAnchored").withArgs(1, root, 3);
      expect(await ledger.isIssuerKeyValidAt(market, key, blockNumber)).to.equal(true);
    });

    it("keeps each call's role check: an anchorer without the registrar role cannot register through it", async function () {
      const { ledger, anchorer, key, ISSUER_REGISTRAR_ROLE } = await loadFixture(registryFixture);
      const calls = [
        ledger.interface.encodeFunctionData("registerIssuerKey", [market, key]),
        ledger.interface.encodeFunctionData("anchor", [ethers.id("r"), 1]),
      ];
      await expect(ledger.connect(anchorer).multicall(calls))
        .to.be.revertedWithCustomError(ledger, "AccessControlUnauthorizedAccount")
        .withArgs(anchorer.address, ISSUER_REGISTRAR_ROLE);
      expect(await ledger.batchCount()).to.equal(0);
    });
  });
});
