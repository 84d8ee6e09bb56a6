/// Two articles of our own about one person, in English and in Persian, for the index
/// and search tests (library and CLI).
public enum IndexFixtures {
  public static let english = """
    Iran and Iraq discuss regional security

    TEHRAN, Jan. 20 (MNA) – Ali Akbar Velayati, the adviser to the Leader on international affairs, met the visiting Iraqi minister on Sunday.

    Velayati said the two countries would expand their cooperation in trade and energy.

    The minister also met Hassan Rouhani at the presidential office.
    """

  public static let persian = """
    دیدار مشاور رهبر انقلاب با وزیر عراق

    علی‌اکبر ولایتی مشاور رهبر انقلاب در امور بین‌الملل امروز با وزیر خارجه عراق دیدار کرد.

    ولایتی گفت دو کشور همکاری‌های اقتصادی خود را گسترش می‌دهند.
    """
}
