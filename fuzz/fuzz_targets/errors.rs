#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| presign_lint::fuzzing::errors(data));
