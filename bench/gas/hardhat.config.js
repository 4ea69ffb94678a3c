// Benchmark-only Hardhat configuration for the gas curve's own contract (OneWritePerRecord) and its quick test.
// Not part of scripts/test: `scripts/bench-gas` runs it first. Loading the project's configuration registers its
// offline solc (solc-js from npm); this one only points Hardhat at bench/gas.
const path = require("node:path");
const root = require("../../hardhat.config.js");

module.exports = {
  ...root,
  paths: {
    root: __dirname,
    sources: path.join(__dirname, "contracts"),
    tests: path.join(__dirname, "test"),
    cache: path.join(__dirname, "cache"),
    artifacts: path.join(__dirname, "artifacts"),
  },
};
