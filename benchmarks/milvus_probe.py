"""Print Milvus-lite's figures on the probe that chose the distributed engine (see
docs/deployment.md, section 5): start, insert and dense query time on N random unit vectors,
and one built-in BM25 query. Milvus is not a citeqa dependency; run it in a virtual
environment of its own:

    python -m venv --system-site-packages /tmp/milvus
    /tmp/milvus/bin/pip install pymilvus milvus-lite
    /tmp/milvus/bin/python benchmarks/milvus_probe.py [--n 10000] [--dim 512]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np


def main() -> None:
    from pymilvus import DataType, Function, FunctionType, MilvusClient

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--dim", type=int, default=512)
    args = parser.parse_args()
    rows = np.random.default_rng(0).standard_normal((args.n, args.dim)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    began = time.perf_counter()
    client = MilvusClient(str(Path(tempfile.mkdtemp()) / "probe.db"))
    print(f"start          {time.perf_counter() - began:7.2f} s")
    schema = client.create_schema()
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field("text", DataType.VARCHAR, max_length=1000, enable_analyzer=True)
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=args.dim)
    schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
    schema.add_function(
        Function(
            name="bm25",
            function_type=FunctionType.BM25,
            input_field_names=["text"],
            output_field_names=["sparse"],
        )
    )
    index = client.prepare_index_params()
    index.add_index("dense", index_type="FLAT", metric_type="IP")
    index.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
    client.create_collection("probe", schema=schema, index_params=index)
    began = time.perf_counter()
    for start in range(0, args.n, 1000):
        client.insert(
            "probe",
            [
                {"id": i, "text": f"word{i % 97} thing{i % 13}", "dense": rows[i].tolist()}
                for i in range(start, min(args.n, start + 1000))
            ],
        )
    print(f"insert         {time.perf_counter() - began:7.2f} s")
    client.load_collection("probe")
    spent = []
    for query in rows[:50]:
        began = time.perf_counter()
        client.search("probe", data=[query.tolist()], anns_field="dense", limit=50)
        spent.append((time.perf_counter() - began) * 1000)
    print(f"dense query p50 {statistics.median(spent):7.1f} ms (k = 50)")
    began = time.perf_counter()
    client.search("probe", data=["word5"], anns_field="sparse", limit=10)
    print(f"bm25 query     {(time.perf_counter() - began) * 1000:7.1f} ms")
    print(f"peak RSS       {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
