"""Drives `sayso extract --input jsonl` the way a Spark `rdd.pipe`, a Dask map or GNU
parallel does: JSON Lines in on stdin, JSON Lines out on stdout, one result per line in
order. Usage: pipe_driver.py SAYSO N. Exits non-zero with a message when the contract
breaks."""
import json, subprocess, sys

sayso, n = sys.argv[1], int(sys.argv[2])
bad_at = n // 2
lines = []
for i in range(n):
    if i == bad_at:
        lines.append("this line is not JSON")
        continue
    text = f"Ünïcode “quote” {i}: \"We will build {i} bridges,\" said Jane Roe. It cost ${i} million."
    lines.append(json.dumps({"id": f"doc-{i}", "text": text, "batch": i % 3}))
proc = subprocess.run([sayso, "extract", "--input", "jsonl", "-"],
                      input="\n".join(lines) + "\n", capture_output=True, text=True)
out = proc.stdout.splitlines()
assert len(out) == n, f"{len(out)} output lines for {n} input lines"
assert proc.returncode != 0, "a bad line must make the exit status non-zero"
assert "line" in proc.stderr or ":" in proc.stderr, proc.stderr
for i, (src, res) in enumerate(zip(lines, out)):
    r = json.loads(res)
    if i == bad_at:
        assert "error" in r and r["line"] == i + 1, r
        continue
    s = json.loads(src)
    assert r["id"] == s["id"], (i, r["id"])
    assert r["batch"] == s["batch"], "unknown keys pass through"
    text = s["text"]
    for c in r["claims"]:
        assert text[c["start"]:c["end"]] == c["text"], (i, c)
    for num in r["numbers"]:
        assert text[num["start"]:num["end"]] == num["text"], (i, num)
    assert r["claims"], f"line {i}: the quote was found"
print(f"ok: {n} lines")
