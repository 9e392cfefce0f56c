public final class DemoCodes {}
