"""The outlet (newskit.parse.outlet): a name, from the profiles, the copyright line or the page."""

from __future__ import annotations

import pytest

from newskit.parse import parse_text
from newskit.parse.outlet import OutletCues
from newskit.rules import default_rules

BODY = (
    "The council voted on Tuesday to close the old bridge to traffic for the whole of next year.\n"
    "Engineers said the repairs could not wait any longer, as cracks had spread along the deck.\n"
    "Drivers will be sent along the ring road, which the council says can take the extra cars.\n"
)


def outlet_of(*around: str, foot: str = "") -> str | None:
    text = "\n".join([*around, "Bridge to close for a year", BODY, foot])
    return parse_text(text).articles[0].outlet


@pytest.mark.parametrize(
    ("owner", "name"),
    [
        ("2019 Foo Media. All rights reserved.", "Foo Media"),
        ("Gannett 2018", "Gannett"),
        ("DER SPIEGEL 2023", "DER SPIEGEL"),
        ("Hearst Communications, Inc.", "Hearst Communications"),
        ("The New York Times Company", "The New York Times"),
        ("Dow Jones & Company, Inc", "Dow Jones"),
        ("by Snopes Media Group Inc", "Snopes Media Group"),
        ("The Real Deal is a registered Trademark of Korangy Publishing", "The Real Deal"),
    ],
)
def test_a_copyright_owner_is_cleaned_to_a_name(owner: str, name: str) -> None:
    assert OutletCues.of(default_rules()).clean(owner) == name


def test_the_copyright_line_names_the_outlet() -> None:
    assert outlet_of(foot="© 2019 The Daily Bugle, LLC. All rights reserved.") == "The Daily Bugle"
    assert outlet_of(foot="Copyright Gannett 2018") == "Gannett"


@pytest.mark.parametrize("link", ["Copyright Information", "Copyright Policy", "Copyright Notice"])
def test_a_footer_link_about_copyright_names_no_owner(link: str) -> None:
    assert outlet_of(foot=f"Privacy Policy\n{link}\nContact Us") is None
    assert outlet_of(foot=f"{link}\n© 2019 The Daily Bugle. All rights reserved.") == "The Daily Bugle"


@pytest.mark.parametrize("foot", [
    "All content on this site is shared under a Creative Commons copyright license",
    "Material on this site is protected by copyright law",
])
def test_a_sentence_about_copyright_names_no_owner(foot: str) -> None:
    assert outlet_of(foot=foot) is None


def test_an_owner_opening_with_such_a_word_is_still_a_name() -> None:
    assert outlet_of(foot="© 2012 InformationWeek. All rights reserved.") == "InformationWeek"
    assert outlet_of(foot="© 2012 Policyholder News") == "Policyholder News"


def test_copyrighted_is_not_a_copyright_sign() -> None:
    foot = "All photographs are copyrighted to me and may not be used without my permission, thank you."
    assert outlet_of(foot=foot) is None


def test_a_publisher_owner_gives_way_to_the_name_the_page_gives_itself() -> None:
    foot = "About SFGATE\nContact SFGATE\nSFGATE Store\nHearst Newspapers © Copyright Hearst Communications, Inc."
    assert outlet_of(foot=foot) == "SFGATE"


def test_a_publisher_owner_stays_where_the_page_names_no_other() -> None:
    assert outlet_of(foot="© 2019 Hearst Communications, Inc.") == "Hearst Communications"


def test_a_framed_name_must_recur() -> None:
    assert outlet_of("More From WIRED", foot="WIRED is where tomorrow is realized.") == "WIRED"
    assert outlet_of("More From WIRED") is None  # said once: a link, maybe
    assert outlet_of("About Us", "Contact Us", foot="About Us") is None  # "us" names no one


def test_a_site_address_at_the_top_names_the_outlet() -> None:
    assert outlet_of("Example.com", "Home", foot="Example.com is a registered trademark.") == "Example.com"


def test_a_blog_platform_is_not_the_blog() -> None:
    assert outlet_of(foot="Blog at WordPress.com.\nPowered by WordPress.com") is None


def test_an_outlet_profile_wins() -> None:
    assert outlet_of(foot="© 2019 Guardian News & Media Limited") == "The Guardian"


def test_blank_and_separator_lines_are_no_trouble() -> None:
    assert outlet_of("   ", "\f", "----", foot="   \n") is None


@pytest.mark.parametrize(
    "foot",
    [
        "© Copyright 2009-2012, The Daily Bugle | Jane Roe. All Rights Reserved.",  # two signs, then a year span
        "(c) 2012 The Daily Bugle. All Rights Reserved.",  # "(c)" whose "(" the line's key has lost
        "© The Daily Bugle - News for the whole city!",  # a tagline after a dash
    ],
)
def test_more_shapes_of_copyright_line_name_the_owner(foot: str) -> None:
    assert outlet_of(foot=foot) == "The Daily Bugle"


def test_a_framed_name_may_be_in_quotes() -> None:
    assert outlet_of(foot="Follow “The Daily Bugle”\nAdvertise on The Daily Bugle") == "The Daily Bugle"


def test_a_feed_or_mail_link_is_no_framed_name() -> None:
    assert outlet_of("Subscribe to RSS", foot="Subscribe to RSS") is None


def test_a_masthead_names_the_outlet_where_the_page_shows_its_address() -> None:
    top = "Gizmo Daily - gadgets and more"
    assert outlet_of(top, foot="Send us tips: tips@gizmodaily.com") == "Gizmo Daily"
    assert outlet_of("Menu", "Featured", foot="Send us tips: tips@gizmodaily.com") is None
    # below the first line, a name needs the address: a line there is as often a menu item
    assert outlet_of("Menu", top, foot="Send us tips: tips@gizmodaily.com") == "Gizmo Daily"
    assert outlet_of("Menu", top) is None


def test_the_first_line_names_the_outlet_where_nothing_else_does_if_it_is_chrome() -> None:
    assert outlet_of("Gizmo Daily - gadgets and more") == "Gizmo Daily"
    assert parse_text("Bridge closes\n" + BODY).articles[0].outlet is None  # the headline (a clipping)
    assert outlet_of("Gizmo Daily", foot="© 2019 Foo Bar Inc.") == "Foo Bar"  # the owner comes first


def test_a_name_the_page_gives_itself_and_its_address_spells_comes_before_the_owner() -> None:
    foot = "About Gizmo Daily\nSend us tips: tips@gizmodaily.com\n© 2012 Foo Bar Inc. All rights reserved."
    assert outlet_of(foot=foot) == "Gizmo Daily"
    assert outlet_of(foot=foot.replace("tips@gizmodaily.com", "tips@example.org")) == "Foo Bar"
    # a mail service's or a social network's address spells no site's own name
    assert outlet_of(foot="About Gmail\nWrite to jane@gmail.com\n© 2012 Foo Bar Inc.") == "Foo Bar"


def test_words_of_a_name_in_a_row_that_the_address_spells_are_the_outlet() -> None:
    foot = "About Inside Gizmo Daily\nSend us tips: tips@gizmodaily.com\n© 2012 Foo Bar Inc."
    assert outlet_of(foot=foot) == "Gizmo Daily"
    # one word of a longer name is not enough: "Daily" of "Inside Gizmo Daily" for daily.com
    assert outlet_of(foot=foot.replace("gizmodaily.com", "daily.com")) == "Foo Bar"


def test_an_owner_who_signs_the_posts_is_the_blogger_not_the_blog() -> None:
    foot = "Posted by Jane Roe at 9:14 AM\n© 2012 Jane Roe"
    assert outlet_of("Gizmo Daily", foot=foot) == "Gizmo Daily"
    assert outlet_of("Menu", foot=foot) == "Jane Roe"  # no other name: the owner stays
    assert outlet_of("Gizmo Daily", foot="© 2012 Jane Roe") == "Jane Roe"  # she signs nothing


def test_the_site_a_publisher_says_it_owns_is_the_outlet() -> None:
    foot = "Gizmo Daily is part of Foo Media Inc, a digital publisher.\n© 2019 Foo Media. All rights reserved."
    assert outlet_of(foot=foot) == "Gizmo Daily"
    foot = "© 2018 Gizmo Daily, LLC, a subsidiary of Foo Media, LLC.\n© 2019 Foo Media Corporation"
    assert outlet_of(foot=foot) == "Gizmo Daily"
    # the owner must follow: a book that "is part of" a series names no outlet
    assert outlet_of("Gizmo Tales is part of the Bar Books series", foot="© 2019 Foo Media.") == "Foo Media"


def test_a_site_address_before_the_copyright_sign_is_the_outlet() -> None:
    assert outlet_of(foot="GizmoDaily.com © 2012 Foo Nast. All rights reserved.") == "GizmoDaily.com"


def test_a_masthead_may_be_spelt_by_the_site_handle() -> None:
    assert outlet_of("Gizmo Daily", foot="Follow @GizmoDaily") == "Gizmo Daily"
    assert outlet_of("Menu", "Gizmo Daily", foot="Follow @janeroe") is None  # someone else's handle


def test_a_blog_platform_footer_names_the_blog_before_the_owner() -> None:
    foot = "Inside Gizmo is powered by Blogger.\n© 2012 Foo Corp - Privacy Policy"
    assert outlet_of("Menu", foot=foot) == "Inside Gizmo"
    foot = "The official Gizmo Daily Blog is proudly powered by WordPress\n© 2012 Jane Roe"
    assert outlet_of("Menu", foot=foot) == "Gizmo Daily Blog"
    # a sentence that says so, or a site that is no name, names no blog
    assert outlet_of("Menu", foot="This website is powered by WordPress\n© 2012 Bar Daily") == "Bar Daily"
    foot = "Gizmo Daily was made by Bar Web and is powered by WordPress\n© 2012 Bar Daily"
    assert outlet_of("Menu", foot=foot) == "Bar Daily"


def test_a_confirmed_name_takes_the_word_that_spells_a_longer_address_shown() -> None:
    foot = "More From Gizmo\nGizmo Daily on Facebook\nGizmo Daily\nGizmo.com\nGizmoDaily.com\n© 2012 Gizmo Interactive"
    assert outlet_of("Menu", foot=foot) == "Gizmo Daily"
    # once is not enough
    foot = "More From Gizmo\nGizmo Daily on Facebook\nGizmo.com\nGizmoDaily.com\n© 2012 Gizmo Interactive"
    assert outlet_of("Menu", foot=foot) == "Gizmo"


def test_a_name_alone_lower_down_that_a_shown_handle_spells_names_the_outlet_where_nothing_else_does() -> None:
    foot = "Recent posts\nGizmo Daily\nFollow @GizmoDaily"
    assert parse_text("Bridge closes\n" + BODY + foot).articles[0].outlet == "Gizmo Daily"
    assert parse_text("Bridge closes\n" + BODY + foot.replace("@GizmoDaily", "tips@gizmodaily.com")
                      ).articles[0].outlet == "Gizmo Daily"
    # someone else's handle spells no name on the page
    assert parse_text("Bridge closes\n" + BODY + foot.replace("@GizmoDaily", "@janeroe")).articles[0].outlet is None
    # a first line the parser removes as chrome comes first; any other cue before that
    assert outlet_of("Gizmo Times", foot=foot) == "Gizmo Times"
    assert outlet_of(foot=foot + "\n© 2012 Foo Bar Inc.") == "Foo Bar"


def test_a_site_the_owner_publishes_or_holds_as_a_trademark_is_the_outlet() -> None:
    foot = "Copyright 2012 Foo Davis, Inc. All Rights Reserved. Gizmo Daily is a registered trademark of Foo Davis."
    assert outlet_of(foot=foot) == "Gizmo Daily"
    assert outlet_of(foot="Gizmo Daily™ is published by Foo Davis LLC.\n© 2012 Foo Davis LLC") == "Gizmo Daily"
    # the owner's name must follow
    assert outlet_of(foot="Gizmo is a trademark of Bar Corp.\n© 2012 Foo Davis LLC") == "Foo Davis"


def test_a_framed_name_that_holds_the_owner_s_at_one_end_is_the_owner_s_site() -> None:
    foot = "Follow GizmoSugar\nLatest from GizmoSugar\n© 2012 Sugar Inc. All rights reserved."
    assert outlet_of("Menu", foot=foot) == "GizmoSugar"
    # once is not enough, nor a name that only holds the owner's inside it
    assert outlet_of("Menu", foot="Follow GizmoSugar\n© 2012 Sugar Inc.") == "Sugar"
    assert outlet_of("Menu", foot="Follow BigSugarLand\nLatest from BigSugarLand\n© 2012 Sugar Inc.") == "Sugar"


def test_a_framed_name_that_signs_the_posts_is_an_author_s_box_and_comes_after_the_masthead() -> None:
    foot = "Posted by Jane Roe at 9:14 AM\nAbout Jane Roe\nJane Roe writes on roads.\nFollow @GizmoDaily"
    assert outlet_of("Gizmo Daily", foot=foot) == "Gizmo Daily"
    # where the page gives no other name, the author's is the blog's
    assert outlet_of("Menu", foot="Posted by Jane Roe at 9:14 AM\nAbout Jane Roe") == "Jane Roe"


@pytest.mark.parametrize("foot", [
    "Copyright 2019. Gizmo Daily. All Rights Reserved.",
    "© 2000 - 2019 Gizmo Daily (www.gizmodaily.net)",
    "Copyright © 2012 . Gizmo Daily ● Roads and Bridges . All Rights Reserved.",
])
def test_the_owner_may_follow_a_stop_after_the_year_and_end_at_a_bracket_or_a_bullet(foot: str) -> None:
    assert outlet_of("Menu", foot=foot) == "Gizmo Daily"


def test_a_name_before_the_copyright_sign_is_the_site_of_a_publisher_owner_or_of_no_owner() -> None:
    assert outlet_of("Menu", foot="Gizmo Daily News\nThe Gizmo Daily Copyright © Foo Media") == "The Gizmo Daily"
    assert outlet_of("Menu", foot="Gizmo Daily on roads\nGizmo Daily ©2012 All Rights Reserved.") == "Gizmo Daily"
    assert outlet_of("Menu", foot="Gizmo ® Copyright © 2012 Foo Media Group\nGizmo Tips") == "Gizmo"
    # once on the page is not enough, nor links before the sign; an owner that is no publisher stays
    assert outlet_of("Menu", foot="Gizmo Daily Copyright © Foo Media") == "Foo Media"
    assert outlet_of("Menu", foot="Contact\nContact | Terms © 2012 Foo Media") == "Foo Media"
    assert outlet_of("Menu", foot="Gizmo Daily News\nGizmo Daily © 2012 Jane Roe") == "Jane Roe"


def test_the_words_that_say_an_owner_holds_a_site_may_be_in_any_case() -> None:
    assert outlet_of(foot="Gizmo Daily is a Trademark of Foo Davis\n© 2012 Foo Davis LLC") == "Gizmo Daily"


def test_a_name_followed_on_a_social_network_is_framed_without_the_network() -> None:
    oc = OutletCues.of(default_rules())
    assert oc.framed_name("Follow Gizmo Daily on Twitter") == "Gizmo Daily"
    assert oc.framed_name("Follow Gizmo on Google Plus") == "Gizmo"
    assert oc.framed_name("Follow Gizmo on Roads") == "Gizmo on Roads"  # no network


def test_a_name_several_lines_frame_is_the_site_over_an_owner_who_is_no_publisher() -> None:
    foot = "About GizmoCraft\nContact GizmoCraft\nFollow GizmoCraft on Twitter\n© 2012 Jane Roe"
    assert outlet_of("Menu", foot=foot) == "GizmoCraft"
    # one frame is not enough, nor the owner's initials or a part of the owner's name
    assert outlet_of("Menu", foot="About GizmoCraft\nGizmoCraft\n© 2012 Jane Roe") == "Jane Roe"
    assert outlet_of("Menu", foot="About GD\nAdvertise on GD\nGD\n© 2012 Gizmo Daily") == "Gizmo Daily"
    assert outlet_of("Menu", foot="About Gizmo\nFollow Gizmo\n© 2012 Gizmo Daily") == "Gizmo Daily"


def test_a_quoted_name_after_a_frame_names_the_blog_once_on_the_page() -> None:
    assert outlet_of("Menu", foot="Follow “Gizmo Daily”\nGet every new post delivered") == "Gizmo Daily"
    assert outlet_of("Menu", foot="Follow Gizmo Daily\nGet every new post delivered") is None


def test_a_publisher_s_title_the_page_names_again_and_again_is_the_outlet_where_nothing_else_is() -> None:
    body = "Gizmo News App\nWatch Gizmo News live\n"
    assert outlet_of("Menu", foot=body + "© 2019 Gizmo Interactive Inc. All Rights Reserved.") == "Gizmo News"
    # once is not enough, nor another publisher's name or a company's legal name
    assert outlet_of("Menu", foot="Gizmo News App\n© 2019 Gizmo Interactive Inc.") == "Gizmo Interactive"
    foot = "Gizmo Newspapers\nGizmo Newspapers\nGizmo Corporation\nGizmo Corporation\n© 2019 Gizmo Communications"
    assert outlet_of("Menu", foot=foot) == "Gizmo Communications"


def test_a_copyright_owner_may_end_at_a_slash() -> None:
    assert outlet_of("Menu", foot="Copyright © 2019 Gizmo Daily Europe / Foo Bar GmbH") == "Gizmo Daily Europe"


def test_a_site_s_address_after_the_copyright_owner_is_the_outlet() -> None:
    assert outlet_of("Menu", foot="© Jane Roe / GizmoDaily.com 2007-2012. All rights reserved.") == "GizmoDaily.com"
    # a company named after its address is not the site's address
    assert outlet_of("Menu", foot="© 2019 Gizmo Europe / gizmo.net GmbH. All rights reserved") == "Gizmo Europe"


def test_a_line_of_links_frames_the_name_one_of_its_links_frames() -> None:
    oc = OutletCues.of(default_rules())
    assert oc.framed_name("About GizmoCraft | Contact Us | Donate") == "GizmoCraft"
    assert oc.framed_name("Home · Contact Us · Subscribe to Gizmo Daily") == "Gizmo Daily"
    assert oc.framed_name("Home | About | Contact") == ""
    foot = "About GizmoCraft | Contact Us | Donate\nGet GizmoCraft Alerts\nFollow GizmoCraft\n© 2012 Foo Action Fund"
    assert outlet_of("Menu", foot=foot) == "GizmoCraft"


def test_the_site_s_latest_or_related_stories_frame_its_name() -> None:
    oc = OutletCues.of(default_rules())
    assert oc.framed_name("Related Stories on 9to5Gizmo") == "9to5Gizmo"
    assert oc.framed_name("Latest on Gizmo TV") == "Gizmo TV"
    assert oc.framed_name("Stories on the bridge") == ""
    assert outlet_of("Menu", foot="Recent Stories on 9to5Gizmo\nRelated Stories on 9to5Gizmo") == "9to5Gizmo"
