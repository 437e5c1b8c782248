fn main() {
    let text = std::io::read_to_string(std::io::stdin()).unwrap_or_default();
    println!("{}", notice_outline::export::to_json(&notice_outline::parse(&text)));
}
