const { ethers } = require("hardhat");

// A fresh LedgerAnchor with the admin, the anchorer and the issuer registrar held by three different accounts.
async function deployFixture() {
  const [admin, anchorer, other, registrar] = await ethers.getSigners();
  const ledger = await ethers.deployContract("LedgerAnchor", [admin.address, anchorer.address, registrar.address]);
  const ANCHORER_ROLE = await ledger.ANCHORER_ROLE();
  const DEFAULT_ADMIN_ROLE = await ledger.DEFAULT_ADMIN_ROLE();
  return { ledger, admin, anchorer, other, registrar, ANCHORER_ROLE, DEFAULT_ADMIN_ROLE };
}

module.exports = { deployFixture };
