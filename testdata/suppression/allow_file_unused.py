# A file-wide suppression that suppresses nothing is reported like any other.
# presign-lint: allow-file(presign-in-loop) reason: batch job  expect: unused-suppression
# presign-lint: allow-file reason: everything  expect: invalid-suppression
x = 1
