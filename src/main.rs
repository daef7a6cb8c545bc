fn main() {
    println!("sayso");
}
