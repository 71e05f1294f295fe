//! The `registre` command line: a thin layer over the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turns GDPR registers of processing activities (PDF or text) into JSON.
#[derive(Parser)]
#[command(name = "registre", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract registers: one JSON per input, plus DIR/index.json.
    Extract {
        /// Output folder.
        #[arg(short = 'o', long = "output", default_value = "output")]
        output: PathBuf,
        /// User password for encrypted PDFs.
        #[arg(long)]
        password: Option<String>,
        /// Files (.pdf, .txt) or folders of them, walked recursively.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Normalize retention phrases; prints a JSON array.
    Retention {
        /// The phrases.
        #[arg(required = true)]
        phrases: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract { output, password, inputs } => {
            let inputs = registre::batch::collect_inputs(&inputs);
            let options = registre::Options { password };
            match registre::batch::run(&inputs, &output, &options) {
                Ok(outcomes) => {
                    for outcome in outcomes.iter().filter(|o| o.failed()) {
                        eprintln!("registre: {}", outcome.error.as_deref().unwrap_or("error"));
                    }
                    if outcomes.iter().any(|o| o.failed()) { ExitCode::from(1) } else { ExitCode::SUCCESS }
                }
                Err(e) => {
                    eprintln!("registre: {}: {e}", output.display());
                    ExitCode::from(2)
                }
            }
        }
        Command::Retention { phrases } => {
            println!("{}", registre::retention::phrases_json(&phrases));
            ExitCode::SUCCESS
        }
    }
}
