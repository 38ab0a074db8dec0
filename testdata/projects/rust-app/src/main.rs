mod config;
mod links;
mod storage;
mod unrelated;
mod views;

fn main() {
    println!("{}", unrelated::use_it());
}
