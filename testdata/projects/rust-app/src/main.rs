mod albums;
mod avatars;
mod config;
mod downloads;
mod links;
mod storage;
mod thumbnails;
mod unrelated;
mod views;

fn main() {
    println!("{}", unrelated::use_it());
}
