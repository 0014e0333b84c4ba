//! A small load loop for `scripts/bench-web`: CLIENTS threads each send GETs over their own
//! keep-alive connection, in turn over the paths given, until REQUESTS have been sent or
//! SECONDS have passed; prints the latency percentiles per path.
//!
//!   cargo run --release -p brag-web --example load -- ADDR CLIENTS REQUESTS SECONDS PATH...

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [addr, clients, requests, seconds, paths @ ..] = args.as_slice() else {
        eprintln!("usage: load ADDR CLIENTS REQUESTS SECONDS PATH...");
        std::process::exit(2);
    };
    let clients: usize = clients.parse().unwrap_or(8);
    let requests: usize = requests.parse().unwrap_or(2000);
    let until = Instant::now() + Duration::from_secs(seconds.parse().unwrap_or(30));
    let per_client = requests.div_ceil(clients);
    let results: Vec<Vec<(usize, Duration)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..clients)
            .map(|c| {
                s.spawn(move || {
                    let mut conn = Conn::open(addr);
                    let mut out = Vec::with_capacity(per_client);
                    for i in 0..per_client {
                        if Instant::now() > until {
                            break;
                        }
                        let p = (c + i) % paths.len();
                        let t = Instant::now();
                        let status = conn.get(addr, &paths[p]);
                        if status != 200 {
                            eprintln!("{}: HTTP {status}", paths[p]);
                            std::process::exit(1);
                        }
                        out.push((p, t.elapsed()));
                    }
                    out
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    for (p, path) in paths.iter().enumerate() {
        let mut times: Vec<Duration> = results
            .iter()
            .flatten()
            .filter(|(q, _)| *q == p)
            .map(|(_, t)| *t)
            .collect();
        times.sort();
        if times.is_empty() {
            continue;
        }
        let at = |q: f64| {
            let i = ((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1;
            times[i].as_secs_f64() * 1000.0
        };
        println!(
            "{path}\t{}\t{:.2}\t{:.2}\t{:.2}",
            times.len(),
            at(0.5),
            at(0.99),
            at(1.0)
        );
    }
}

/// One keep-alive connection.
struct Conn {
    reader: BufReader<TcpStream>,
}

impl Conn {
    fn open(addr: &str) -> Conn {
        let s = TcpStream::connect(addr).expect("connect");
        s.set_nodelay(true).ok();
        Conn {
            reader: BufReader::new(s),
        }
    }

    /// Sends a GET and reads the whole answer; returns its status.
    fn get(&mut self, addr: &str, path: &str) -> u16 {
        let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n");
        self.reader
            .get_mut()
            .write_all(req.as_bytes())
            .expect("send");
        let mut line = String::new();
        self.reader.read_line(&mut line).expect("status line");
        let status = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let mut length = 0usize;
        loop {
            line.clear();
            self.reader.read_line(&mut line).expect("header");
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':')
                && k.eq_ignore_ascii_case("content-length")
            {
                length = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0u8; length];
        self.reader.read_exact(&mut body).expect("body");
        status
    }
}
