//! Prints how near in meaning a first text is to each of the others, and how long the
//! model took to load: `cargo run -p brag-embed --example similar -- QUERY TEXT...`.

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((query, texts)) = args.split_first() else {
        return Err("usage: similar QUERY TEXT...".into());
    };
    let start = Instant::now();
    let model = brag_embed::Model::builtin()?;
    eprintln!(
        "model loaded in {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    let q = model.embed(query);
    for t in texts {
        println!("{:.3}  {t}", brag_embed::similarity(&q, &model.embed(t)));
    }
    Ok(())
}
