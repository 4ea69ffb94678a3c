// ECMAScript's own Number.prototype.toString output, the number format RFC 8785 prescribes.
// stdin:  {"bits": ["<16 hex digits: IEEE-754 binary64 bit pattern>", ...]}
// stdout: {"texts": ["<String(x)>", ...]}
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const view = new DataView(new ArrayBuffer(8));
const texts = input.bits.map(hex => {
  view.setBigUint64(0, BigInt('0x' + hex));
  return String(view.getFloat64(0));
});

process.stdout.write(JSON.stringify({ texts }));
