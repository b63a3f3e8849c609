fn main() {
    backstrong::start();
}
