//! The process's memory: what a scan holds after each phase, and handing freed pages back.

/// The process's resident memory now (Linux; 0 elsewhere), to see which phase holds it.
pub fn resident_mib() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096 / (1024 * 1024))
}

/// Hand freed heap pages back to the system. glibc keeps what the worker threads freed in
/// their own arenas, so without this a scan's resident size never comes down after a phase.
pub fn return_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks the allocator's free lists; it takes no pointer of ours.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The process's peak resident memory so far (Linux; 0 elsewhere).
pub fn peak_mib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kib| kib / 1024)
}
