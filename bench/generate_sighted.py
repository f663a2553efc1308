#!/usr/bin/env python3
"""A STIX 2.1 bundle of N indicators with S sightings each (decay-score pages; docs/BENCHMARKS.md).

Usage: python3 bench/generate_sighted.py N S OUT.json      (fixed seed: the same file every time)
"""
import json
import random
import sys
import uuid


def main():
    n, per, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    rnd = random.Random(7)
    t = "2026-11-20T00:00:00.000Z"
    objects = []
    for i in range(n):
        iid = "indicator--" + str(uuid.UUID(int=rnd.getrandbits(128), version=4))
        objects.append({"type": "indicator", "spec_version": "2.1", "id": iid, "created": t, "modified": t,
                        "pattern": "[ipv4-addr:value = '10.%d.%d.%d']" % (i // 65536, (i // 256) % 256, i % 256),
                        "pattern_type": "stix", "valid_from": t, "confidence": 60})
        for k in range(per):
            when = "2026-11-%02dT00:00:00.000Z" % (21 + k % 9)
            objects.append({"type": "sighting", "spec_version": "2.1",
                            "id": "sighting--" + str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
                            "created": when, "modified": when, "sighting_of_ref": iid, "count": k + 1})
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"type": "bundle", "id": "bundle--" + str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
                   "objects": objects}, f)


if __name__ == "__main__":
    main()
