// Hardhat 2 configuration for the LedgerAnchor contract. Compiles offline with the pinned npm solc (solc-js)
// instead of downloading a compiler, so `npx hardhat compile` and `npx hardhat test` need no network.
require("@nomicfoundation/hardhat-ethers");
require("@nomicfoundation/hardhat-chai-matchers");

const { subtask } = require("hardhat/config");
const { TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD } = require("hardhat/builtin-tasks/task-names");

const SOLC_VERSION = require("solc/package.json").version;

subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, async ({ solcVersion }, _hre, runSuper) => {
  if (solcVersion !== SOLC_VERSION) {
    return runSuper();
  }
  // Loaded lazily: solc-js is a large wasm module and only compilation needs it.
  // The ".Emscripten.clang" suffix is dropped so build-info records the same long version as a native solc.
  const longVersion = require("solc").version().replace(/\.Emscripten\.clang$/, "");
  return { compilerPath: require.resolve("solc/soljson.js"), isSolcJs: true, version: SOLC_VERSION, longVersion };
});

/** @type {import("hardhat/config").HardhatUserConfig} */
module.exports = {
  solidity: {
    version: "0.8.28",
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: "cancun", // OpenZeppelin 5.x uses mcopy
    },
  },
  networks: {
    // Any EVM chain, by environment (scripts/deploy.js): LEDGER_RPC_URL, and LEDGER_DEPLOYER_KEY (hex) unless the
    // script is given a keystore (LEDGER_DEPLOYER_KEYSTORE + LEDGER_KEYSTORE_PASSWORD), which it opens itself.
    ledger: {
      url: process.env.LEDGER_RPC_URL || "http://127.0.0.1:8545",
      accounts: process.env.LEDGER_DEPLOYER_KEY ? [process.env.LEDGER_DEPLOYER_KEY] : [],
    },
  },
  paths: {
    sources: "./contracts-solidity/contracts",
    tests: "./contracts-solidity/test",
    cache: "./cache",
    artifacts: "./artifacts-solidity",
  },
};
