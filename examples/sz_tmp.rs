fn main() {
    println!("Mail {}", std::mem::size_of::<followup::message::Mail>());
    println!(
        "Signals {}",
        std::mem::size_of::<followup::message::Signals>()
    );
    println!(
        "Address {}",
        std::mem::size_of::<followup::message::Address>()
    );
    println!(
        "Location {}",
        std::mem::size_of::<followup::message::Location>()
    );
}
