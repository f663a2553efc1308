#!/usr/bin/env python3
"""Writes a STIX 2.1 bundle of N synthetic indicators (IPv4, domain, URL, SHA-256 patterns) for import benchmarks.

Usage: generate_indicators.py N OUT.json   (deterministic: the same N gives the same file)
"""
import json
import random
import sys
import uuid

TLP_GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
IDENTITY = "identity--5a2f1e8c-3c55-4d8b-9f0e-6b7c2d1a9e11"


def main():
    count = int(sys.argv[1])
    out = sys.argv[2]
    rnd = random.Random(20261129)
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"type":"bundle","id":"bundle--%s","objects":[\n' % uuid.UUID(int=rnd.getrandbits(128), version=4))
        for i in range(count):
            kind = i % 4
            if kind == 0:
                value = "%d.%d.%d.%d" % (rnd.randint(1, 223), rnd.randint(0, 255), rnd.randint(0, 255), rnd.randint(1, 254))
                pattern = "[ipv4-addr:value = '%s']" % value
            elif kind == 1:
                value = "host%d.example-%d.com" % (i, rnd.randint(0, 99999))
                pattern = "[domain-name:value = '%s']" % value
            elif kind == 2:
                value = "http://bad-%d.example.net/path/%d?q=%d" % (rnd.randint(0, 99999), i, rnd.randint(0, 9999))
                pattern = "[url:value = '%s']" % value
            else:
                value = "%064x" % rnd.getrandbits(256)
                pattern = "[file:hashes.'SHA-256' = '%s']" % value
            day = 1 + i % 28
            ts = "2026-%02d-%02dT%02d:%02d:%02d.%03dZ" % (1 + i % 12, day, i % 24, i % 60, (i // 60) % 60, i % 1000)
            obj = {
                "type": "indicator",
                "spec_version": "2.1",
                "id": "indicator--%s" % uuid.UUID(int=rnd.getrandbits(128), version=4),
                "created_by_ref": IDENTITY,
                "created": ts,
                "modified": ts,
                "name": "Synthetic indicator %d" % i,
                "indicator_types": ["malicious-activity"],
                "pattern": pattern,
                "pattern_type": "stix",
                "valid_from": ts,
                "confidence": rnd.randint(0, 100),
                "object_marking_refs": [TLP_GREEN],
            }
            f.write(json.dumps(obj, separators=(",", ":")))
            f.write(",\n" if i + 1 < count else "\n")
        f.write("]}\n")


if __name__ == "__main__":
    main()
