//! pti-server: the PTI Calendar reference platform (in progress).

fn main() {}
